/** Who a logged row says did it: a guest's name (rows record `guest:<digest>/<name>`). */
import { readAuthor } from "@journeymap/protocol";

export function loggedName(author: string): string {
  const ref = readAuthor(author);
  return ref.kind === "guest" ? ref.name : ref.id;
}
