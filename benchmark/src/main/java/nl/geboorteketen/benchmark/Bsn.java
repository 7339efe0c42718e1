package nl.geboorteketen.benchmark;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Burgerservicenummers that pass the 11-proof, unique within one generator: the first eight
 * digits count up from a start, the ninth makes the weighted sum a multiple of 11.
 */
public final class Bsn {

  private final AtomicLong next;

  public Bsn(long firstEightDigits) {
    if (firstEightDigits < 10_000_000L || firstEightDigits > 99_999_999L) {
      throw new IllegalArgumentException("needs eight digits: " + firstEightDigits);
    }
    this.next = new AtomicLong(firstEightDigits);
  }

  public String next() {
    while (true) {
      long prefix = next.getAndIncrement();
      if (prefix > 99_999_999L) {
        throw new IllegalStateException("BSN range exhausted");
      }
      int check = checkDigit(prefix);
      if (check < 10) {
        return String.valueOf(prefix) + check;
      }
    }
  }

  /** The ninth digit for eight digits, or 10 when none exists. */
  static int checkDigit(long prefix) {
    int sum = 0;
    long rest = prefix;
    for (int weight = 2; weight <= 9; weight++) {
      sum += (int) (rest % 10) * weight;
      rest /= 10;
    }
    return sum % 11;
  }

  public static boolean passesElfproef(String bsn) {
    if (!bsn.matches("[0-9]{9}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (bsn.charAt(i) - '0') * (9 - i);
    }
    sum -= bsn.charAt(8) - '0';
    return sum % 11 == 0;
  }
}
