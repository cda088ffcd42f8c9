import { describe, expect, it } from "vitest";
import { assertBindingsFit, bindingsVersion, installedEngineHash, loadSchemaEngine } from "./schema-drift-engine.ts";

// The smallest valid WebAssembly module: no imports, no exports.
const EMPTY_MODULE = new WebAssembly.Module(Buffer.from("0061736d01000000", "hex"));

describe("the schema engine", () => {
  it("runs the engine build the installed prisma names, whatever build the bindings were published with", () => {
    expect(installedEngineHash()).toMatch(/^[0-9a-f]{40}$/);
    expect(bindingsVersion()).toMatch(/^\d+\.\d+\.\d+-\d+\.[0-9a-f]{40}$/);
    expect(loadSchemaEngine()).toBe(installedEngineHash());
  });

  it("refuses bindings whose functions differ from the binary's", () => {
    // (module (func (export "f"))): one export more than the empty module.
    const exportsF = new WebAssembly.Module(
      Buffer.from("0061736d0100000001040160000003020100070501016600000a040102000b", "hex"),
    );
    expect(() => assertBindingsFit(exportsF, EMPTY_MODULE)).toThrow(/does not fit the engine build/);
    expect(() => assertBindingsFit(EMPTY_MODULE, EMPTY_MODULE)).not.toThrow();
  });
});
