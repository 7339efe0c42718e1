package nl.geboorteketen.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BsnTest {

  @ParameterizedTest(name = "{0} passes the 11-proof: {1}")
  @CsvSource({"999911120,true", "999911132,true", "999911121,false", "12345678,false", "99991112a,false"})
  void elfproef(String bsn, boolean valid) {
    assertEquals(valid, Bsn.passesElfproef(bsn));
  }

  @Test
  void generatedNumbersPassAndAreUnique() {
    Bsn generator = new Bsn(99_900_000L);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      String bsn = generator.next();
      assertTrue(Bsn.passesElfproef(bsn), bsn);
      assertTrue(seen.add(bsn), "duplicate " + bsn);
    }
  }

  @Test
  void prefixWithoutCheckDigitIsSkipped() {
    // Some eight-digit prefixes have no check digit (weighted sum ≡ 10 mod 11); the generator skips them.
    long prefix = 10_000_000L;
    while (Bsn.checkDigit(prefix) != 10) {
      prefix++;
    }
    String next = new Bsn(prefix).next();
    assertFalse(next.startsWith(String.valueOf(prefix)));
    assertTrue(Bsn.passesElfproef(next));
  }
}
