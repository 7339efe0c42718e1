package nl.geboorteketen.mappings.lip;

import java.util.Arrays;
import java.util.Optional;

/** The two LIP indication moments, plus the re-indication in the kraambed that insurers audit. */
public enum Moment {
  INTAKE("intake"),
  KRAAMBED("kraambed"),
  HERINDICATIE("herindicatie");

  private final String code;

  Moment(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Moment> fromCode(String code) {
    return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
  }
}
