// An answer the client cannot read (not JSON, or not the shape a parser expects). Its own class,
// so that pages say so in the reader's language instead of showing the parser's English words.
export class UnexpectedAnswer extends Error {
  constructor(what: string) {
    super(`unexpected ${what} answer`);
    this.name = 'UnexpectedAnswer';
  }
}
