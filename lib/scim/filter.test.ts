import { describe, expect, it } from "vitest";
import { parseScimFilter } from "./filter";

describe("parseScimFilter", () => {
  it("reads the filters Okta and Microsoft Entra ID send", () => {
    expect(parseScimFilter("User", 'userName eq "ana@example.com"')).toEqual([{ field: "email", value: "ana@example.com" }]);
    expect(parseScimFilter("User", 'externalId eq "00u1"')).toEqual([{ field: "externalId", value: "00u1" }]);
    expect(parseScimFilter("User", 'emails[type eq "work"].value eq "ana@example.com"')).toEqual([{ field: "email", value: "ana@example.com" }]);
    expect(parseScimFilter("User", 'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a@b.c" and externalId eq "x"')).toEqual([
      { field: "email", value: "a@b.c" },
      { field: "externalId", value: "x" },
    ]);
    expect(parseScimFilter("Group", 'displayName eq "Payments leads"')).toEqual([{ field: "displayName", value: "Payments leads" }]);
  });

  it("refuses what it cannot read, and what it does not answer, as invalidFilter", () => {
    for (const [resource, query] of [
      ["User", "userName eq"],
      ["User", 'userName eq "a" and ('],
      ["User", 'userName co "a"'],
      ["User", 'userName eq "a" or userName eq "b"'],
      ["User", 'title eq "boss"'],
      ["Group", 'userName eq "a"'],
      ["User", "active eq true"],
    ] as const) {
      expect(() => parseScimFilter(resource, query), query).toThrow(expect.objectContaining({ status: 400, scimType: "invalidFilter" }));
    }
  });
});
