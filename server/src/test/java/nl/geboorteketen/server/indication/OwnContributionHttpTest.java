package nl.geboorteketen.server.indication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** $eigen-bijdrage: the care year's rate per physical hour; digital hours and pillar 1 are free. */
class OwnContributionHttpTest {

  static Http http;

  @BeforeAll
  static void server() {
    TestServer.shared();
    http = Http.shared();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      # case                           ; query                                        ; status ; amount
      basis 49 h in 2021               ; uren=49&jaar=2021                            ; 200    ; 225.40
      4 h digital carry none           ; uren=49&digitaleUren=4&jaar=2021             ; 200    ; 207.00
      pillar 1 pays nothing            ; uren=49&jaar=2021&pijler1=true               ; 200    ; 0.00
      minimum 24 h                     ; uren=24&jaar=2021                            ; 200    ; 110.40
      no rate before 2021              ; uren=49&jaar=2019                            ; 422    ;
      more digital than indicated      ; uren=24&digitaleUren=30&jaar=2021            ; 422    ;
      hours missing                    ; jaar=2021                                    ; 400    ;
      """)
  void contributionForHours(String name, String query, int status, BigDecimal amount) {
    Http.Response response = http.get("/fhir/ServiceRequest/$eigen-bijdrage?" + query);

    assertEquals(status, response.status(), response::toString);
    if (status == 200) {
      Money money = (Money) response.resource(Parameters.class).getParameter("bedrag").getValue();
      assertEquals(0, amount.compareTo(money.getValue()), response::toString);
      assertEquals("EUR", money.getCurrency());
    } else {
      assertTrue(response.outcome().getIssueFirstRep().hasExpression(), response::toString);
    }
  }

  @Test
  void aLaterYearUsesTheLatestKnownRateAndSaysSo() {
    Http.Response response = http.get("/fhir/ServiceRequest/$eigen-bijdrage?uren=10&jaar=2026");

    assertEquals(200, response.status(), response::toString);
    Parameters out = response.resource(Parameters.class);
    assertEquals(0, new BigDecimal("46.00").compareTo(((Money) out.getParameter("bedrag").getValue()).getValue()));
    assertTrue(out.getParameter("waarschuwing").getValue().primitiveValue().contains("2021"), response::toString);
  }

  @Test
  void forAStoredIndicationTheHoursComeFromTheIndication() {
    Map<String, String> family = Fixtures.storeNewFamily();
    String indication = family.get("ServiceRequest/family-jansen-indicatie-intake");

    Http.Response response = http.get("/fhir/" + indication + "/$eigen-bijdrage?jaar=2021");

    assertEquals(200, response.status(), response::toString);
    Money money = (Money) response.resource(Parameters.class).getParameter("bedrag").getValue();
    assertEquals(0, new BigDecimal("225.40").compareTo(money.getValue()), response::toString);
  }
}
