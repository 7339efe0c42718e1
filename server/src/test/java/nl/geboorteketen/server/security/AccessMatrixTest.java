package nl.geboorteketen.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Map;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every kind of caller against every route: allowed, refused (401 / 403) or filtered, as the
 * table in access-matrix.csv says.
 */
class AccessMatrixTest {

  private static SecurityWorld world;
  private static Map<String, String> tokens;

  @BeforeAll
  static void world() {
    world = SecurityWorld.get();
    tokens = new java.util.HashMap<>();
    tokens.put("stranger-key", TestTokens.signedByStranger());
    tokens.put("expired", TestTokens.expired());
    tokens.put("wrong-audience", TestTokens.wrongAudience());
    tokens.put("beheerder", TestTokens.beheerder());
    tokens.put("midwife", TestTokens.partner("verloskundige", SecurityWorld.MIDWIFE));
    tokens.put("other-midwife", TestTokens.partner("verloskundige", world.otherMidwife));
    tokens.put("kraamzorg", TestTokens.partner("kraamzorg", SecurityWorld.KRAAMZORG));
    tokens.put("jgz", TestTokens.partner("jgz", SecurityWorld.JGZ));
    tokens.put("refused-org", TestTokens.partner("kraamzorg", world.refusedOrg));
    tokens.put("no-role", TestTokens.sign(new JWTClaimsSet.Builder().subject("nobody").claim("scope", "system/*.rs")));
    tokens.put("midwife-observations", scoped("system/Observation.rs"));
    tokens.put("midwife-patients", scoped("system/Patient.rs"));
    tokens.put("pgo-anna", TestTokens.pgo(SecurityWorld.ANNA_BSN));
    tokens.put("pgo-other", TestTokens.pgo(world.otherMotherBsn));
    tokens.put("pgo-unknown", TestTokens.pgo(SecurityWorld.randomBsn()));
  }

  /** The Jansen midwife with a token scoped to some types only. */
  private static String scoped(String scope) {
    return TestTokens.sign(new JWTClaimsSet.Builder().subject("scoped-ehr").claim("gk_role", "verloskundige")
        .claim("gk_org", SecurityWorld.MIDWIFE).claim("scope", scope));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
  @CsvFileSource(resources = "/security/access-matrix.csv", numLinesToSkip = 1)
  void route(String actor, String method, String path, int status, String expect) {
    Http http = actor.equals("anonymous") ? Http.shared().anonymous() : Http.shared().withToken(tokens.get(actor));
    String url = path.replace("{otherMother}", world.otherMother);
    Http.Response r = method.equals("GET") ? http.get(url)
        : http.post(url, "{\"resourceType\":\"Organization\",\"name\":\"x\"}", "application/fhir+json");
    assertEquals(status, r.status(), () -> actor + " " + url + ": " + r);
    if (status == 401) {
      assertNotNull(r.header("WWW-Authenticate"), "401 without WWW-Authenticate");
      assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"), r.header("WWW-Authenticate"));
      assertFalse(r.outcome().getIssue().isEmpty());
      assertEquals(OperationOutcome.IssueType.LOGIN, r.outcome().getIssueFirstRep().getCode());
    }
    if (status == 403) {
      OperationOutcome oo = r.outcome();
      assertFalse(oo.getIssueFirstRep().getDiagnostics().isBlank(), "403 must say why");
      assertEquals(OperationOutcome.IssueType.FORBIDDEN, oo.getIssueFirstRep().getCode());
    }
    if (expect == null) {
      return;
    }
    for (String check : expect.split(" ")) {
      String value = check.substring(check.indexOf(':') + 1).replace("{otherMother}", world.otherMother);
      if (check.startsWith("has:")) {
        assertTrue(r.body().contains(value), () -> actor + " " + url + " should contain " + value + ": " + r);
      } else if (check.startsWith("lacks:")) {
        assertFalse(r.body().contains(value + "\"") || r.body().contains(value + "/"),
            () -> actor + " " + url + " must not contain " + value + ": " + r);
      }
    }
  }
}
