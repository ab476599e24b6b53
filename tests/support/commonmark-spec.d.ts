declare module "commonmark-spec" {
  const spec: { tests: { markdown: string; html: string; section: string; number: number }[]; text: string };
  export default spec;
}
