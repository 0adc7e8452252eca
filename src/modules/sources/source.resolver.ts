import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import { registerSource } from "../../sources/registration.service.js";
import { RegisterSourceInput } from "./register-source.input.js";
import { Source } from "./source.type.js";

/** An organization's vendor sources: registering them; whether credentials are stored. */
@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => Boolean, { description: "Whether credentials are stored for this source (they are never returned)." })
  hasCredentials(@Root() source: Source & { encryptedCredentials?: Uint8Array | null }): boolean {
    return Boolean(source.encryptedCredentials);
  }

  @Mutation(() => Source, { description: "Registers (or updates) the organization's source for a vendor. ADMIN of the organization." })
  registerSource(
    @Arg("input", () => RegisterSourceInput, { description: "The source." }) input: RegisterSourceInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return registerSource(ctx, input);
  }
}
