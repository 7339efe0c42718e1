package nl.geboorteketen.benchmark.chain;

import nl.geboorteketen.benchmark.FhirClient;
import nl.geboorteketen.benchmark.Tokens;

/**
 * The clients the chain steps send with: one connection (and one recorder), a token per
 * {@link Actor}. Partner tokens are for the benchmark's organisations and are reused; a PGO token
 * is fetched once per family, for the mother's BSN, and kept in the family.
 */
public final class Callers {

  private static final String PGO_TOKEN = "pgoToken";

  private final FhirClient beheerder;
  private final Organisations orgs;
  private final Tokens tokens;

  /** tokens: where partner and PGO tokens come from (null: every actor sends the run's own token). */
  public Callers(FhirClient beheerder, Organisations orgs, Tokens tokens) {
    this.beheerder = beheerder;
    this.orgs = orgs;
    this.tokens = tokens;
  }

  public FhirClient as(Actor actor, Family family) {
    if (tokens == null || actor == Actor.BEHEERDER) {
      return beheerder;
    }
    return switch (actor) {
      case MIDWIFE -> beheerder.as(tokens.cached(partner("verloskundige", orgs.midwifery())));
      case KRAAMZORG -> beheerder.as(tokens.cached(partner("kraamzorg", orgs.kraamzorg())));
      case PGO -> beheerder.as(pgoToken(family));
      case BEHEERDER -> beheerder;
    };
  }

  /** A midwife's token, for requests outside a family (the $lip-indicatie burst). */
  public String midwifeToken() {
    return tokens == null ? null : tokens.cached(partner("verloskundige", orgs.midwifery()));
  }

  public boolean partnerTokens() {
    return tokens != null;
  }

  /**
   * The mother's PGO token. Fetched from the token endpoint, outside the measured requests: in
   * production a PGO gets it from an authorisation server, not from ours.
   */
  private String pgoToken(Family family) {
    String token = family.values().get(PGO_TOKEN);
    if (token == null) {
      token = tokens.fresh("bsn=" + family.get("bsn"));
      family.put(PGO_TOKEN, token);
    }
    return token;
  }

  private static String partner(String role, String organisation) {
    return "role=" + role + "&org=" + organisation;
  }
}
