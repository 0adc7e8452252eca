import type { z } from "zod";
import { domainErrorOf } from "../db/store-failure.js";
import { HTTP_STATUS } from "../errors.js";
import { INTERNAL_MESSAGE } from "../graphql/format-error.js";

/** Query parameters that do not validate: one BAD_USER_INPUT error per problem, naming the parameter. */
export class InvalidParameters extends Error {
  override readonly name = "InvalidParameters";
  constructor(readonly problems: readonly { parameter: string; message: string }[]) {
    super(problems.map((problem) => `${problem.parameter}: ${problem.message}`).join("; "));
  }
}

/** zod issues in the export's words: unknown parameters are listed with the ones the export takes. */
export function invalidParameters(issues: readonly z.core.$ZodIssue[], allowed: readonly string[]): InvalidParameters {
  return new InvalidParameters(
    issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({ parameter: key, message: `unknown parameter (this export takes ${allowed.join(", ")})` }))
        : [
            {
              parameter: issue.path.join(".") || "query",
              message: issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message,
            },
          ],
    ),
  );
}

interface ErrorReply {
  readonly status: number;
  readonly body: { errors: { message: string; extensions: Record<string, unknown> }[] };
}

/**
 * The JSON answer to an export refused before its first byte, in GraphQL's error shape: a
 * DomainError with its HTTP_STATUS, code, message and safe details (as GraphQL's `extensions`),
 * an outage as UNAVAILABLE, bad parameters as BAD_USER_INPUT, anything else masked as INTERNAL_SERVER_ERROR.
 */
export function errorReply(error: unknown, requestId: string): ErrorReply {
  if (error instanceof InvalidParameters) {
    const errors = error.problems.map((problem) => ({
      message: `${problem.parameter}: ${problem.message}`,
      extensions: { code: "BAD_USER_INPUT", parameter: problem.parameter },
    }));
    return { status: HTTP_STATUS.BAD_USER_INPUT, body: { errors } };
  }
  const domain = domainErrorOf(error);
  if (domain) {
    return {
      status: HTTP_STATUS[domain.code],
      body: { errors: [{ message: domain.message, extensions: { ...domain.details, code: domain.code } }] },
    };
  }
  return { status: 500, body: { errors: [{ message: INTERNAL_MESSAGE, extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] } };
}
