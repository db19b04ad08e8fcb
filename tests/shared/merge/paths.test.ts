import { describe, expect, it } from "vitest";
import { typedPathProblem } from "../../../shared/index.js";

describe("a path typed into the merge or handoff dialog", () => {
  it("needs a full path: from the root, a drive letter or a network share", () => {
    for (const path of ["/home/ayu/untuk-budi", "C:\\Users\\Ayu\\untuk-budi.tandai", "d:/data/untuk-budi", "\\\\server\\share\\copy", "  /tmp/x  "]) expect(typedPathProblem(path), path).toBeNull();
    for (const path of ["untuk-budi", "./untuk-budi", "~/untuk-budi", "C:untuk-budi", "..\\copy"]) expect(typedPathProblem(path), path).toBe("relative");
    expect(typedPathProblem("   ")).toBe("empty");
  });
});
