import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import type { Page } from "../../db/pagination.js";

@ObjectType({ description: "Where a page of a connection ends." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether a request with `after: endCursor` returns more items." })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of this page; pass it as `after` for the next page." })
  endCursor!: string | null;
}

/** A Relay-style connection type over `Node`, built from a loader `Page`. */
export function Connection<Node extends object>(node: ClassType<Node>, name: string) {
  @ObjectType(`${name}Edge`, { description: `A ${name} with its cursor.` })
  class Edge {
    @Field(() => String, { description: "Opaque cursor of this item." })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: Node;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items, ordered stably, with cursors.` })
  class ConnectionType {
    @Field(() => [Edge], { description: "The items of this page with their cursors." })
    edges!: Edge[];

    @Field(() => [node], { description: "The items of this page." })
    nodes!: Node[];

    @Field(() => PageInfo, { description: "Where this page ends." })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "Number of items in the whole list (all pages)." })
    totalCount!: number;
  }
  return ConnectionType;
}

/** Turns a loader page into the connection shape. */
export function toConnection<T>(page: Page<T>) {
  return {
    edges: page.items.map((node, i) => ({ node, cursor: page.cursors[i]! })),
    nodes: page.items,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    totalCount: page.totalCount,
  };
}
