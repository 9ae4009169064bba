/** `congtruong rank`: crawls and scores school websites (issue 7). */
export function run(argv: string[]): Promise<number> {
  void argv;
  console.error('Not implemented yet.');
  return Promise.resolve(2);
}
