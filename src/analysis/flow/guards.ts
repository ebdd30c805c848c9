import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { ASTUtils } from '../../util/ast-utils.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { propertyName, unwrap, scopeAt } from './ast.js';
import type { ValueFlow } from './sources.js';

/**
 * Environment guards: whether code only runs outside production. A branch guarded by
 * `process.env.NODE_ENV !== 'production'`, `config.env === 'development'`, `import.meta.env.DEV`,
 * or code after `if (isProd) return;`, never runs in production, whatever it configures.
 */

type Node = TSESTree.Node;
type Verdict = 'production' | 'other' | null;

const PRODUCTION = new Set(['production', 'prod']);
const NOT_PRODUCTION = new Set(['development', 'dev', 'test', 'testing', 'local']);

/** Does `node` run only when the environment is not production? */
export function onlyOutsideProduction(node: Node, flow: ValueFlow): boolean {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression: {
        if (child === current.test) break;
        const verdict = environment(current.test, flow);
        if ((child === current.consequent && verdict === 'other') || (child === current.alternate && verdict === 'production')) return true;
        break;
      }
      case AST_NODE_TYPES.LogicalExpression: {
        if (child !== current.right) break;
        const verdict = environment(current.left, flow);
        if ((current.operator === '&&' && verdict === 'other') || (current.operator === '||' && verdict === 'production')) return true;
        break;
      }
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program: {
        // `if (process.env.NODE_ENV === 'production') return;` before it, in the same block.
        const body = current.body as Node[];
        const index = body.indexOf(child);
        for (const statement of body.slice(0, Math.max(index, 0))) {
          if (statement.type === AST_NODE_TYPES.IfStatement && exits(statement.consequent) && environment(statement.test, flow) === 'production') {
            return true;
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return false;
}

/** A statement that leaves the block: `return`, `throw`, or a block that ends in one. */
function exits(statement: TSESTree.Statement): boolean {
  let current: TSESTree.Statement | undefined = statement;
  while (current?.type === AST_NODE_TYPES.BlockStatement) current = current.body.at(-1);
  return current?.type === AST_NODE_TYPES.ReturnStatement || current?.type === AST_NODE_TYPES.ThrowStatement;
}

/** Which environment a test proves when it is true: production, not production, or nothing known. */
function environment(test: Node, flow: ValueFlow): Verdict {
  return flow.within(null, () => {
    const value = unwrap(test);
    switch (value.type) {
      case AST_NODE_TYPES.UnaryExpression:
        return value.operator === '!' ? invert(environment(value.argument, flow)) : null;
      case AST_NODE_TYPES.BinaryExpression: {
        const equal = value.operator === '===' || value.operator === '==';
        if (!equal && value.operator !== '!==' && value.operator !== '!=') return null;
        const text = [value.left, value.right]
          .map((side) => ASTUtils.getStaticValue(side as Node, scopeAt(flow.globalScope, side as Node))?.value)
          .find((v): v is string => typeof v === 'string');
        // A comparison with 'production' or 'development' is an environment check, whatever it reads.
        const named = text === undefined ? null : PRODUCTION.has(text.toLowerCase()) ? 'production' : NOT_PRODUCTION.has(text.toLowerCase()) ? 'other' : null;
        if (named === null) return null;
        if (equal) return named;
        return named === 'production' ? 'other' : null; // `!== 'development'` may still be staging
      }
      case AST_NODE_TYPES.LogicalExpression: {
        const left = environment(value.left, flow);
        const right = environment(value.right, flow);
        if (value.operator === '&&') return left ?? right;
        return left !== null && left === right ? left : null;
      }
      case AST_NODE_TYPES.MemberExpression: {
        // `import.meta.env.DEV`, `import.meta.env.PROD` (Vite).
        const name = propertyName(value);
        const object = unwrap(value.object);
        if (object.type === AST_NODE_TYPES.MemberExpression && propertyName(object) === 'env' && object.object.type === AST_NODE_TYPES.MetaProperty) {
          return name === 'DEV' ? 'other' : name === 'PROD' ? 'production' : null;
        }
        return null;
      }
      case AST_NODE_TYPES.Identifier: {
        // `const isProd = process.env.NODE_ENV === 'production'`: every value it is given proves the same.
        const written = flow.written(value);
        if (!written?.length) return null;
        const verdicts = written.map((w) => environment(w, flow));
        return verdicts.every((v) => v === verdicts[0]) ? verdicts[0]! : null;
      }
      default:
        return null;
    }
  });
}

function invert(verdict: Verdict): Verdict {
  return verdict === 'production' ? 'other' : verdict === 'other' ? 'production' : null;
}
