import { isNonNullType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";

/**
 * GraphQL leaves an omitted argument out of `args`, so type-graphql hands the resolver
 * `undefined` for it, where an explicit `null` arrives as `null`. This wraps every field that has
 * nullable arguments without a default, so each resolver reads `null` for both: omitted and null
 * arguments are treated alike everywhere. Fields without such arguments are left unwrapped.
 */
export function nullForOmittedArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const optional = field.args.filter((arg) => !isNonNullType(arg.type) && arg.defaultValue === undefined).map((arg) => arg.name);
      const resolve: GraphQLFieldResolver<unknown, unknown> | undefined = field.resolve;
      if (optional.length === 0 || !resolve) continue;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        const filled = { ...args };
        for (const name of optional) filled[name] ??= null;
        return resolve(source, filled, context, info);
      };
    }
  }
  return schema;
}
