package nl.geboorteketen.server.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which rest-hook endpoints an allow-list entry lets through: the entry ends where a host, port or segment ends. */
class NotificationSettingsTest {

  @ParameterizedTest(name = "{0} allows {1}: {2}")
  @CsvSource({
      "https://jgz.example.nl, https://jgz.example.nl/hook, true",
      "https://jgz.example.nl, https://jgz.example.nl, true",
      "https://jgz.example.nl, https://jgz.example.nl?x=1, true",
      "https://jgz.example.nl, https://jgz.example.nl.evil.org/hook, false",
      "https://jgz.example.nl, https://jgz.example.nl:8443/hook, false",
      "https://jgz.example.nl, https://jgz.example.nlx/hook, false",
      "https://jgz.example.nl/fhir-hook, https://jgz.example.nl/fhir-hook, true",
      "https://jgz.example.nl/fhir-hook, https://jgz.example.nl/fhir-hook/taken, true",
      "https://jgz.example.nl/fhir-hook, https://jgz.example.nl/fhir-hook-evil, false",
      "https://jgz.example.nl/fhir-hook, https://jgz.example.nl/fhir-hook/../admin, false",
      "https://kraamzorg.example.nl/, https://kraamzorg.example.nl/a/b, true",
      "https://kraamzorg.example.nl/, https://kraamzorg.example.nl.evil.org/, false",
      "http://127.0.0.1:, http://127.0.0.1:9/hook, true",
      "http://127.0.0.1:, http://127.0.0.1.evil.example.org:80/hook, false",
      "https://jgz.example.nl, https://jgz.example.nl@evil.org/hook, false",
      "https://jgz.example.nl, http://jgz.example.nl/hook, false",
  })
  void anEntryEndsWhereAHostPortOrSegmentEnds(String entry, String endpoint, boolean allowed) {
    NotificationSettings settings = new NotificationSettings(List.of(entry), Duration.ZERO, Duration.ZERO,
        Duration.ZERO, Duration.ZERO);
    assertEquals(allowed, settings.allows(endpoint));
  }
}
