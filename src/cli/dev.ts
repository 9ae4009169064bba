/** `congtruong dev <school>`: previews one school with live reload and the browser editor. */
export function run(argv: string[]): Promise<number> {
  void argv;
  console.error('Not implemented yet.');
  return Promise.resolve(2);
}
