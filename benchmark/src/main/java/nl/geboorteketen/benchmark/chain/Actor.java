package nl.geboorteketen.benchmark.chain;

/**
 * Who sends a step's request, with that caller's own token, so the server pays for the access
 * check it does in real use (a partner's care relationship, a PGO's consent).
 */
public enum Actor {
  /** The run's own token (beheerder by default): no family filter. */
  BEHEERDER,
  /** A verloskundige of the benchmark's midwife practice (the family's maternal record is managed by it). */
  MIDWIFE,
  /** A kraamzorg user of the benchmark's kraamzorg organisation (the owner of the family's handover Task). */
  KRAAMZORG,
  /** The mother's PGO app: a token for her BSN, read-only, needs her pgo-delen consent. */
  PGO
}
