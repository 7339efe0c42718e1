package nl.geboorteketen.mappings.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Who may call, write and read what, as the package's access table (profiles/rules/access.json) says, row by row. */
class AccessRulesTest {

  static final AccessRules RULES = load();

  static AccessRules load() {
    try {
      return AccessRules.parse(Files.readAllBytes(Path.of("../profiles/rules/access.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0} {1} on {2} as {3}: {4}")
  @CsvFileSource(resources = "/access-rules-cases.csv")
  void accessCase(String what, String name, String on, String role, String expected, String why) {
    String actual = switch (what) {
      case "operation" -> RULES.operation(name, on)
          .map(r -> r.roles().contains(role) ? String.valueOf(r.permission()) : "refused").orElse("no-row");
      case "write" -> decide(RULES.writers(name, on == null ? Set.of() : Set.of(on)), role);
      case "read" -> decide(RULES.readers(name), role);
      case "transition" -> transitionActor(name, on.split(" ")[0], on.split(" ")[1]);
      case "familyless" -> RULES.partnerMayWriteFamilyless(name) ? "allowed" : "refused";
      default -> throw new IllegalArgumentException("unknown row kind " + what);
    };
    assertEquals(expected, actual, why);
  }

  private static String decide(Optional<Set<String>> roles, String role) {
    return roles.map(r -> r.contains(role) ? "allowed" : "refused").orElse("unrestricted");
  }

  private static String transitionActor(String type, String code, String status) {
    return RULES.transitions(type).stream()
        .filter(t -> t.code().equals(code) && t.statuses().contains(status))
        .map(AccessRules.TransitionRule::actor).findFirst().orElse("none");
  }
}
