// Typed by the API document the app serves (openapi-typescript writes api.d.ts): tsc refuses a body whose fields or values the document does not allow.
import type { components, paths } from "./api";

type Schemas = components["schemas"];

// The bodies an integrator sends, typed by the document: a wrong field or value does not compile.
const enforcement: Schemas["EnforcementRegisterCaseRequest"] = {
  departmentId: "01a24db4-f6e9-7d89-a2a8-818b42969fa7", leadSource: "Inspection", sourceNote: null, matter: "销售过期食品",
  violationFacts: "货架上有过期食品。", actOn: "2026-12-01", discoveredOn: "2026-12-03", involvesSafety: false,
  party: { kind: "Person", name: "张三", idNumber: null, address: null, phone: null, plate: null, representative: null },
  officerIds: [],
};
const mediation: Schemas["MediationRegisterCaseRequest"] = {
  committeeId: null, roomId: null, disputeType: "Neighbours", caseSource: "Application", referredBy: null, facts: "噪音", claims: "停止施工",
  parties: [], mediatorIds: [],
};
const extension: Schemas["EnforcementExtensionRequest"] = { limit: "decision", days: 10, reason: "案情复杂" };
type Created = paths["/api/enforcement/cases"]["post"]["responses"]["201"]["content"]["application/json"];
const number = (c: Created): string => c.number;
type Problem = Schemas["ProblemBody"];
const code = (p: Problem): string => p.code;
export { enforcement, mediation, extension, number, code };
