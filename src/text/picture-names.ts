/** The picture formats we decode and re-encode, and how messages name them. */
export type PictureFormat = "jpeg" | "png" | "webp" | "gif" | "avif" | "tiff" | "svg";

/** For messages: "holds a JPEG picture", "a damaged PNG file". */
export const FORMAT_NAME: Readonly<Record<PictureFormat, string>> = {
  jpeg: "JPEG",
  png: "PNG",
  webp: "WebP",
  gif: "GIF",
  avif: "AVIF",
  tiff: "TIFF",
  svg: "SVG",
};

/** "an SVG drawing", "a JPEG picture": what a file holds, in a message. */
export function formatPhrase(format: string): string {
  if (format === "svg") return "an SVG drawing";
  const name = FORMAT_NAME[format as PictureFormat] ?? format;
  return `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name} picture`;
}
