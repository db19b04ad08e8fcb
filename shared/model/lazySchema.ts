/**
 * A zod schema built the first time it is used, not when its module loads.
 *
 * Building every schema of the model, the operations and the IPC contract at load was most of what
 * a `tandai info` spent before doing its work (issue 13: a command should start about as fast as
 * Node itself). The schema returned is the one `build` makes: every property read, `instanceof`
 * check and method call is forwarded to it, so parsing, composing (`z.array(Coding)`), `.shape`,
 * `.optional()` and the inferred types behave exactly as with the schema built eagerly.
 *
 * Only the value is deferred; nothing about validation changes. A module using it must build
 * nothing at its top level either (`Code.shape.color` outside a factory would build `Code` there).
 */
export function lazySchema<T extends object>(build: () => T): T {
  let real: T | undefined;
  const schema = (): T => (real ??= build());
  // The target is only a stand-in; each trap answers from the real schema.
  return new Proxy({} as T, {
    get: (_target, key) => {
      const target = schema();
      return Reflect.get(target, key, target);
    },
    set: (_target, key, value) => Reflect.set(schema(), key, value),
    has: (_target, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      // A proxy may report a non-configurable property only if its target has it too.
      if (descriptor && !descriptor.configurable && !Reflect.getOwnPropertyDescriptor(target, key)) Reflect.defineProperty(target, key, descriptor);
      return descriptor;
    },
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(schema(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(schema(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
