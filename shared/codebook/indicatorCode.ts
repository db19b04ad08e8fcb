import { TandaiError } from "../errors.js";
import { frameworkOf, INDICATOR_ID_PATTERN } from "../frameworks/model.js";
import { templateFramework } from "../frameworks/templates.js";
import type { CodeId } from "../model/ids.js";
import type { ProjectState } from "../model/project.js";
import { codePath, formatCodePath, PATH_SEPARATOR } from "./tree.js";

/**
 * An indicator id given as a code (`keating.economic`): the code linked to it. Undefined when the
 * text is not an indicator id of a framework the project has or Tandai ships, so it is a code path.
 * The CLI's `--code` and the rows of `tandai code --from` both resolve through it.
 */
export function resolveIndicatorCode(state: ProjectState, text: string): CodeId | undefined {
  if (!INDICATOR_ID_PATTERN.test(text)) return undefined;
  const frameworkId = frameworkOf(text);
  const framework = state.frameworks[frameworkId] ?? templateFramework(frameworkId);
  if (!framework) return undefined;
  const indicator = framework.indicators.find((i) => i.id === text);
  if (!indicator) {
    throw new TandaiError("cli.errors.unknownIndicator", { indicator: text, framework: frameworkId, valid: framework.indicators.map((i) => i.id).join(", ") });
  }
  const linked = Object.values(state.codes).filter((c) => c.indicatorId === text);
  if (linked.length === 0) throw new TandaiError("cli.errors.noLinkedCode", { indicator: text, framework: frameworkId });
  if (linked.length > 1) {
    throw new TandaiError("cli.errors.ambiguousIndicator", { indicator: text, codes: linked.map((c) => `“${formatCodePath(codePath(state, c.id), PATH_SEPARATOR)}”`).join(", ") });
  }
  return linked[0]!.id;
}
