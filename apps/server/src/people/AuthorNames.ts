/**
 * Recorded authors as people read them. The log, versions and attribution record who did
 * something as an id (people/identity.ts): an account id becomes the account's name (its
 * current one: people rename themselves), a guest's `guest:<digest>/<name>` the name they
 * gave, marked as a guest; anything else (a name from before accounts, "server") is shown as
 * it is. Account names are cached for a short while: a timeline names the same few people
 * hundreds of times, and is asked for again on every visit.
 */
import { readAuthor } from "@journeymap/protocol";
import { LRUCache } from "lru-cache";

export interface ShownAuthor {
  /** The name to show. */
  readonly author: string;
  /** Who it is: an account id, a guest id, or the recorded text itself. */
  readonly authorId: string;
  readonly guest: boolean;
}

/** How long a looked-up name is trusted (ms): a rename shows within this. */
const NAME_TTL_MS = 30_000;
const MAX_CACHED = 10_000;

export class AuthorNames {
  private readonly findUser: (id: string) => Promise<{ readonly name: string } | null>;
  /** Account id → name, or "" for a recorded author that is no account. */
  private readonly names = new LRUCache<string, string>({ max: MAX_CACHED, ttl: NAME_TTL_MS });

  constructor(findUser: (id: string) => Promise<{ readonly name: string } | null>) {
    this.findUser = findUser;
  }

  /** Looks up every author once; the answer shows each of them. */
  async show(authors: Iterable<string>): Promise<(author: string) => ShownAuthor> {
    for (const author of new Set(authors)) {
      const ref = readAuthor(author);
      if (ref.kind === "recorded" && !this.names.has(ref.id))
        this.names.set(ref.id, (await this.findUser(ref.id))?.name ?? "");
    }
    return (author) => {
      const ref = readAuthor(author);
      if (ref.kind === "guest") return { author: ref.name, authorId: ref.id, guest: true };
      return { author: this.names.get(ref.id) || author, authorId: author, guest: false };
    };
  }
}
