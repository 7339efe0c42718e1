package nl.geboorteketen.server.operation;

import java.time.LocalDate;
import java.time.YearMonth;
import nl.geboorteketen.server.fhir.Problems;

/** A reporting period from an operation's start and end dates (JJJJ, JJJJ-MM or JJJJ-MM-DD). */
public final class Period {

  private Period() {}

  /** The first day of what {@code date} names when it starts a period, else its last day. */
  public static LocalDate day(String date, boolean start) {
    return switch (date.length()) {
      case 4 -> start ? LocalDate.of(Integer.parseInt(date), 1, 1) : LocalDate.of(Integer.parseInt(date), 12, 31);
      case 7 -> start ? YearMonth.parse(date).atDay(1) : YearMonth.parse(date).atEndOfMonth();
      default -> LocalDate.parse(date);
    };
  }

  public static void check(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw Problems.of(400, org.hl7.fhir.r4.model.OperationOutcome.IssueType.VALUE, "end", "'end' (" + to + ") ligt vóór 'start' (" + from + ").");
    }
  }
}
