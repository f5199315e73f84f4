/**
 * A service's refusal of a request it understood (no such branch, a webhook address not
 * allowed, a vote already closed): the HTTP status it answers with and a sentence for the
 * person. Routes answer it as `{ error }`; anything else a service throws is a server error.
 */
export class ServiceRefusal<Status extends 400 | 404 | 409 | 410 | 416> extends Error {
  readonly status: Status;

  constructor(status: Status, message: string) {
    super(message);
    this.status = status;
  }
}
