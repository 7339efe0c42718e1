package nl.geboorteketen.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptionsTest {

  @Test
  void everyPhaseRunsByDefault() {
    Options o = Options.parse(new String[] {"--repo", "."});
    assertEquals(Options.ALL_PHASES, o.phases());
  }

  @Test
  void onlyTheChosenPhasesRun() {
    Options o = Options.parse(new String[] {"--repo", ".", "--phases", "chain,overdracht"});
    assertTrue(o.runs("overdracht"));
    assertFalse(o.runs("growth"));
    assertEquals(List.of("chain", "overdracht"), List.copyOf(o.phases()));
  }

  @ParameterizedTest(name = "--phases {0} is refused")
  @ValueSource(strings = {"chain,ingest", "overdracht", "lip,overdracht"})
  void unknownPhasesAndAnOverdrachtWithoutFamiliesAreRefused(String phases) {
    assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--repo", ".", "--phases", phases}));
  }
}
