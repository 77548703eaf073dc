/** The engine's only import surface: the app, lessons and tests import from here ('$engine'). */
export * from './codec/index.ts';
export {
  createSimulation,
  simulate,
  SETTLE_MS,
  LOSSY_RETRY_MS,
  type Simulation,
  type SimulationOptions,
  type SimulationSnapshot,
} from './run/simulation.ts';
export {
  traceToJson,
  type TraceEvent,
  type TraceKind,
  type SendEvent,
  type PlanEvent,
  type ArriveEvent,
  type DropEvent,
  type DuplicateEvent,
  type DeliverEvent,
  type StateEvent,
  type TimerEvent,
  type CloseEvent,
  type ErrorEvent,
  type NoteEvent,
  type StepEvent,
  type OpenEvent,
  type Party,
  type Corruption,
} from './sim/trace.ts';
export { isNote, notesOf, noteClient, type NoteCode, type NoteOf, type NoteParams } from './sim/notes.ts';
export { createPrng, type Prng } from './sim/prng.ts';
export { EVENT_BUDGET, BUDGET_NOTE, budgetStop, type BudgetParams } from './sim/budget.ts';
export { DEFAULT_LINK, type Transport } from './sim/link.ts';
export { clientLinks, type ClientLinks } from './run/client-links.ts';
export {
  ScenarioSchema,
  type Scenario,
  type Step,
  type StepKind,
  type Action,
  type ClientSpec,
  type LinkOptions,
  type BrokerOptions,
  type WillSpec,
} from './scenario/schema.ts';
export {
  validateScenario,
  defineScenario,
  ScenarioError,
  type ScenarioProblem,
  type ScenarioCheck,
} from './scenario/validate.ts';
export { expandRepeats, numberedPayload, repeatSpan } from './scenario/repeat.ts';
export { topicMatches } from './broker/topic-match.ts';
export {
  parseActorName,
  flowName,
  flowActorName,
  brokerConnectionName,
  actorParty,
  type ActorRef,
  type FlowDirection,
} from './flows/actor-names.ts';
export { clientConnectionMachine } from './client/connection.machine.ts';
export { qos1SenderMachine } from './flows/qos1-sender.machine.ts';
export { qos2SenderMachine } from './flows/qos2-sender.machine.ts';
export { qos2ReceiverMachine } from './flows/qos2-receiver.machine.ts';
export { brokerConnectionMachine } from './broker/connection.machine.ts';
export type { BrokerSnapshot } from './broker/broker.ts';
export type { ClientSnapshot } from './client/client.ts';
export {
  initialWorld,
  applyEvent,
  worldAt,
  cloneWorld,
  type World,
  type ActorView,
  type TimerView,
  type InFlightView,
  type LinkView,
  type SessionView,
  type DeliveryView,
  type LivenessView,
  type MessageView,
} from './run/world.ts';
export { FLOW_MACHINES, flowsOfPacket, messageOfFlow } from './run/packet-flows.ts';
export {
  Journeys,
  actorParts,
  type Fate,
  type Copy,
  type PacketJourney,
  type TimerEnd,
  type TimerSpan,
  type ConnectedSpan,
  type Outage,
  type JourneyChange,
} from './run/journeys.ts';
// pcapng out, captures in: also a surface of its own (capture/index.ts), which the app loads when
// first used so that the first screen stays small
export * from './capture/index.ts';
