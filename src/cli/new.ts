/** `congtruong new`: scaffolds content files for webmasters. */
export function run(argv: string[]): Promise<number> {
  void argv;
  console.error('Not implemented yet.');
  return Promise.resolve(2);
}
