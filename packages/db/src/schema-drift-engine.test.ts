import { describe, expect, it } from "vitest";
import { assertBindingsFit, bindingsVersion, installedEngineHash, loadSchemaEngine } from "./schema-drift-engine.ts";

// The smallest valid WebAssembly module: no imports, no exports.
const EMPTY_MODULE = new WebAssembly.Module(Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00));

describe("the schema engine", () => {
  it("runs the engine build the installed prisma names, whatever build the bindings were published with", () => {
    expect(installedEngineHash()).toMatch(/^[0-9a-f]{40}$/);
    expect(bindingsVersion()).toMatch(/^\d+\.\d+\.\d+-\d+\.[0-9a-f]{40}$/);
    expect(loadSchemaEngine()).toBe(installedEngineHash());
  });

  it("refuses bindings whose functions differ from the binary's", () => {
    const wat = new WebAssembly.Module(
      // (module (func (export "f")))
      Uint8Array.of(
        0x00,
        0x61,
        0x73,
        0x6d,
        0x01,
        0x00,
        0x00,
        0x00,
        0x01,
        0x04,
        0x01,
        0x60,
        0x00,
        0x00,
        0x03,
        0x02,
        0x01,
        0x00,
        0x07,
        0x05,
        0x01,
        0x01,
        0x66,
        0x00,
        0x00,
        0x0a,
        0x04,
        0x01,
        0x02,
        0x00,
        0x0b,
      ),
    );
    expect(() => assertBindingsFit(wat, EMPTY_MODULE)).toThrow(/does not fit the engine build/);
    expect(() => assertBindingsFit(EMPTY_MODULE, EMPTY_MODULE)).not.toThrow();
  });
});
