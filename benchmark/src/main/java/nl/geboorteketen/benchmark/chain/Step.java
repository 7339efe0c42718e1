package nl.geboorteketen.benchmark.chain;

/**
 * One named step a simulated family goes through. A step sends its request(s) under its own
 * name, as its {@link Actor}, reads what it needs from the family and stores what later steps
 * need. Add a later step of the chain as a new entry (or class) in {@link ChainWorkload#steps}.
 */
public interface Step {

  String name();

  /** Runs the step; returns false when it failed, so the family stops here. */
  boolean run(Family family, Callers callers);
}
