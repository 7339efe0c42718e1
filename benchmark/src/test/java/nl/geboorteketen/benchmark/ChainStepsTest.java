package nl.geboorteketen.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.geboorteketen.benchmark.chain.ChainWorkload;
import nl.geboorteketen.benchmark.chain.Step;
import org.junit.jupiter.api.Test;

class ChainStepsTest {

  @Test
  void everyStepHasItsOwnKindAndTheOperationsAreInTheChain() {
    List<Step> steps = ChainWorkload.steps();
    Set<String> names = new HashSet<>();
    steps.forEach(s -> assertTrue(names.add(s.name()), "two steps named " + s.name()));
    assertTrue(names.containsAll(Set.of("chain-lip-indicatie", "chain-overdracht", "chain-kraamweek",
        "chain-consent-pgo", "chain-pgo-read")), names::toString);
    List<String> order = steps.stream().map(Step::name).toList();
    assertTrue(order.indexOf("chain-overdracht") < order.indexOf("chain-kraamweek"),
        "the kraamzorg cares for the family only after the handover");
    assertTrue(order.indexOf("chain-consent-pgo") < order.indexOf("chain-pgo-read"),
        "the PGO sees nothing before the pgo-delen consent");
  }

  @Test
  void theBurstInputsAreOneParametersPerLine() {
    List<String> bodies = Template.load("lip-indicatie-inputs.json").fill(Map.of()).lines()
        .filter(l -> !l.isBlank()).toList();
    assertEquals(4, bodies.size());
    bodies.forEach(b -> assertTrue(b.startsWith("{\"resourceType\":\"Parameters\"") && !b.contains("{{"), b));
  }
}
