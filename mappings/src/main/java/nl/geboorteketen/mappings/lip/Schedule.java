package nl.geboorteketen.mappings.lip;

import java.util.ArrayList;
import java.util.List;

/** Spreads indicated hours over the care days in half hours, the first days getting the most. */
final class Schedule {

  private Schedule() {}

  static List<Double> spread(double totalHours, int days, Double fixedPerDay) {
    List<Double> result = new ArrayList<>();
    if (days <= 0) {
      return result;
    }
    if (fixedPerDay != null && Math.abs(fixedPerDay * days - totalHours) < 1e-9) {
      for (int d = 0; d < days; d++) {
        result.add(fixedPerDay);
      }
      return result;
    }
    long halfHours = Math.round(totalHours * 2);
    long base = halfHours / days;
    long remainder = halfHours % days;
    for (int d = 0; d < days; d++) {
      result.add((base + (d < remainder ? 1 : 0)) / 2.0);
    }
    return result;
  }
}
