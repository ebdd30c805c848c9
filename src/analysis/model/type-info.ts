import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { SdkSpec } from '../../sdks/index.js';
import type { KindRef, TypedOrigin } from './kinds.js';
import type { typeServices } from '../file/types.js';
import { own } from '../../util/own.js';

/** `@types/mailchimp__mailchimp_transactional` declares `@mailchimp/mailchimp_transactional`. */
function packageOf(fileName: string): string | null {
  const index = fileName.lastIndexOf('/node_modules/');
  if (index < 0) return null;
  const parts = fileName.slice(index + '/node_modules/'.length).split('/');
  const name = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  if (!name) return null;
  if (name.startsWith('@types/')) {
    const bare = name.slice('@types/'.length);
    return bare.includes('__') ? `@${bare.replace('__', '/')}` : bare;
  }
  return name;
}

function packageOfModule(module: string): string {
  const parts = module.split('/');
  return module.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}


interface SdkTypes {
  readonly sdk: SdkSpec;
  /** Type and class names → the kind of value they describe. */
  readonly kinds: ReadonlyMap<string, string>;
}

const packageTables = new WeakMap<readonly SdkSpec[], ReadonlyMap<string, SdkTypes>>();

/** The SDKs by the packages that declare their types, built once per SDK list. */
function typesByPackage(sdks: readonly SdkSpec[]): ReadonlyMap<string, SdkTypes> {
  let byPackage = packageTables.get(sdks);
  if (byPackage) return byPackage;
  const table = new Map<string, SdkTypes>();
  for (const sdk of sdks) {
    const kinds = new Map<string, string>(Object.entries(sdk.types ?? {}));
    for (const spec of Object.values(sdk.kinds)) {
      for (const [name, kind] of Object.entries(spec.props ?? {})) {
        const instance = sdk.kinds[kind]?.construct;
        if (instance && !kinds.has(name)) kinds.set(name, instance);
      }
    }
    for (const name of [...Object.keys(sdk.modules).map(packageOfModule), ...(sdk.typePackages ?? [])]) {
      if (!table.has(name)) table.set(name, { sdk, kinds });
    }
  }
  packageTables.set(sdks, (byPackage = table));
  return byPackage;
}

/**
 * What the type checker says about values the syntax alone cannot place: a client whose type comes
 * from an SDK package, a list typed as an array, an object literal typed as an SDK's message.
 */
export class TypeInfo {
  private readonly checker: ts.TypeChecker;
  private readonly byPackage: ReadonlyMap<string, SdkTypes>;

  constructor(
    private readonly services: NonNullable<ReturnType<typeof typeServices>>,
    sdks: readonly SdkSpec[],
  ) {
    this.checker = services.program.getTypeChecker();
    this.byPackage = typesByPackage(sdks);
  }

  private typeOf(node: TSESTree.Node): ts.Type | null {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(node);
    return tsNode ? this.checker.getTypeAtLocation(tsNode) : null;
  }

  /** The SDK that declares a type, and the names the type goes by there. */
  private declaredBy(type: ts.Type): { types: SdkTypes; names: string[] } | null {
    const symbols = [type.aliasSymbol, type.getSymbol()].filter((s): s is ts.Symbol => s !== undefined);
    for (const symbol of symbols) {
      const file = symbol.declarations?.[0]?.getSourceFile().fileName;
      const name = file && packageOf(file);
      const types = name ? this.byPackage.get(name) : undefined;
      if (types) return { types, names: symbols.map((s) => s.getName()) };
    }
    return null;
  }

  /** The parts of a union, without `null` and `undefined`. */
  private parts(type: ts.Type): ts.Type[] {
    const nonNull = this.checker.getNonNullableType(type);
    return nonNull.isUnion() ? nonNull.types : [nonNull];
  }

  /** `transporter.sendMail(…)` where `transporter` is typed as nodemailer's `Transporter`, wherever it came from. */
  kindOf(node: TSESTree.Node): KindRef | null {
    const type = this.typeOf(node);
    if (!type) return null;
    const parts = this.parts(type);
    if (parts.length !== 1) return null;
    const declared = this.declaredBy(parts[0]!);
    if (!declared) return null;
    for (const name of declared.names) {
      const kind = declared.types.kinds.get(name);
      if (kind) return { sdk: declared.types.sdk, kind, typedOrigin: this.creation(node) };
    }
    return null;
  }

  /**
   * The call that created a value declared elsewhere (`export const t = createTransport({…})` in
   * another module), as the other file's own syntax tree; null when it is not in view.
   */
  private creation(node: TSESTree.Node): TypedOrigin | null {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(node);
    let symbol = tsNode && this.checker.getSymbolAtLocation(tsNode);
    if (symbol && symbol.flags & 2097152 /* ts.SymbolFlags.Alias */) symbol = this.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration as (ts.Node & { initializer?: ts.Node }) | undefined;
    let value = declaration?.initializer;
    while (value && 'expression' in value && !('arguments' in value)) value = (value as { expression: ts.Node }).expression;
    if (!value || !('arguments' in value)) return null;
    // Only a call into the SDK itself creates the client (`nodemailer.createTransport(…)`); a
    // project function that returns one (`createMailer()`) hides how it was made.
    const callee = (value as { expression?: ts.Node }).expression;
    let calleeSymbol = callee && this.checker.getSymbolAtLocation(callee);
    if (calleeSymbol && calleeSymbol.flags & 2097152 /* ts.SymbolFlags.Alias */) {
      calleeSymbol = this.checker.getAliasedSymbol(calleeSymbol);
    }
    const file = calleeSymbol?.declarations?.[0]?.getSourceFile().fileName;
    return file && packageOf(file) ? (value as unknown as TypedOrigin) : null;
  }

  /**
   * An option in the arguments of a creating call in another module: `true`, a number, a string,
   * or undefined when it is absent or not a literal.
   */
  static option(origin: TypedOrigin, arg: number, path: readonly string[]): { value: unknown } | null {
    let current: ts.Node | undefined = origin.arguments[arg];
    for (const key of path) {
      const properties = (current as { properties?: readonly ts.Node[] } | undefined)?.properties;
      if (!properties) return null;
      const found = properties.find((p) => {
        const name = (p as { name?: { text?: string } }).name;
        return name?.text === key;
      }) as { initializer?: ts.Node } | undefined;
      current = found?.initializer;
      if (!current) return null;
    }
    if (!current) return null;
    const text = current.getText();
    if (text === 'true' || text === 'false') return { value: text === 'true' };
    if (/^\d+(\.\d+)?$/.test(text)) return { value: Number(text) };
    if (/^(['"]).*\1$/.test(text)) return { value: text.slice(1, -1) };
    return null;
  }

  /** An array (data-driven) or a tuple (a fixed list) by its type; null when the type says neither. */
  listOf(node: TSESTree.Node): { kind: 'data-driven' } | { kind: 'fixed'; count: number } | null {
    // TypeScript widens an array literal to `T[]` whatever its length (`ToAddresses: [email]` is a
    // `string[]`): its elements say what it holds, and the syntax reads them. The type would make
    // one address look like a list, and a send per recipient look like a send per chunk.
    if (node.type === AST_NODE_TYPES.ArrayExpression) return null;
    const raw = this.typeOf(node);
    // `await subscriberEmails()` reaches here without its `await`: the list is what the promise holds.
    const type = raw && (this.checker.getAwaitedType(raw) ?? raw);
    if (!type) return null;
    const parts = this.parts(type);
    if (parts.length !== 1) return null;
    const part = parts[0]!;
    if (this.checker.isTupleType(part)) {
      const target = (part as ts.TypeReference).target as ts.TupleType;
      return target.hasRestElement ? { kind: 'data-driven' } : { kind: 'fixed', count: target.fixedLength };
    }
    if (this.checker.isArrayType(part)) return { kind: 'data-driven' };
    const name = part.getSymbol()?.getName();
    return name === 'Set' || name === 'ReadonlySet' ? { kind: 'data-driven' } : null;
  }

  /** An object literal whose contextual type is an SDK's message type (`SendMailOptions`, `MailDataRequired`). */
  messageOf(node: TSESTree.ObjectExpression): { sdk: SdkSpec; message: string } | null {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(node) as ts.Expression | undefined;
    const type = tsNode && this.checker.getContextualType(tsNode);
    if (!type) return null;
    // The alias itself first (`CreateEmailOptions` is a union), then its members and their parts.
    const candidates = [type, ...this.parts(type)].flatMap((t) => (t.isIntersection() ? [t, ...t.types] : [t]));
    for (const part of candidates) {
      const declared = this.declaredBy(part);
      if (!declared) continue;
      for (const name of declared.names) {
        const message = own(declared.types.sdk.messageTypes, name);
        if (message) return { sdk: declared.types.sdk, message };
      }
    }
    return null;
  }
}
