package nl.geboorteketen.mappings.lip;

import nl.geboorteketen.mappings.RuleInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.geboorteketen.mappings.RuleInputException.Problem;
import nl.geboorteketen.mappings.lip.IndicationResult.Component;
import nl.geboorteketen.mappings.lip.IndicationResult.Digital;
import nl.geboorteketen.mappings.lip.IndicationResult.Fired;

/**
 * Applies a LIP rule table to one family. Every number comes from the table; this class only
 * knows the order in which the protocol applies them: basis package, more-factors, fewer-factors
 * and deductions, floor and ceiling, then the professional's override.
 */
public final class LipCalculator {

  public static final String BASIS = "basis";
  public static final String MINIMUM = "minimum";
  public static final String OP_MAAT = "op-maat";

  private LipCalculator() {}

  public static IndicationResult calculate(LipRules rules, IndicationRequest in) {
    validate(rules, in);
    Run run = new Run(rules, in);
    run.basis();
    run.moreFactors();
    run.fewerFactors();
    run.bounds();
    run.override();
    return run.result();
  }

  private static void validate(LipRules rules, IndicationRequest in) {
    List<Problem> missing = new ArrayList<>();
    if (in.firstChild() == null) {
      missing.add(new Problem("eersteKind", "Ontbreekt: of dit het eerste kind is (eersteKind, true/false)."));
    }
    if (in.feeding() == null) {
      missing.add(new Problem("voeding", "Ontbreekt: de (voorgenomen) voeding (voeding: borstvoeding of kunstvoeding)."));
    }
    if (in.moment() == null) {
      missing.add(new Problem("moment", "Ontbreekt: het indicatiemoment (moment: intake, kraambed of herindicatie)."));
    }
    if (in.overrideHours() != null && (in.overrideReason() == null || in.overrideReason().isBlank())) {
      missing.add(new Problem("redenAfwijking", "Ontbreekt: de reden waarom de uren afwijken van het voorstel (redenAfwijking)."));
    }
    if (in.fewerFactors().contains("wil-minder-zorg") && in.clientWishHours() == null) {
      missing.add(new Problem("gewensteUren", "Ontbreekt: het aantal uren dat de cliënt wil (gewensteUren) bij minderfactor wil-minder-zorg."));
    }
    for (String code : in.moreFactors()) {
      if (rules.moreFactor(code).isEmpty()) {
        missing.add(new Problem("meerfactor", "Onbekende meerfactor '" + code + "'. Geldig: "
            + String.join(", ", rules.moreFactors().stream().map(LipRules.MoreFactor::code).toList()) + "."));
      }
    }
    for (String code : in.fewerFactors()) {
      if (rules.fewerFactor(code).isEmpty()) {
        missing.add(new Problem("minderfactor", "Onbekende minderfactor '" + code + "'. Geldig: "
            + String.join(", ", rules.fewerFactors().stream().map(LipRules.FewerFactor::code).toList()) + "."));
      }
    }
    if (!missing.isEmpty()) {
      throw new RuleInputException(400, missing);
    }

    List<Problem> contradictions = new ArrayList<>();
    boolean formulaFactor = rules.fewerFactorWithEffect("formula").map(f -> in.fewerFactors().contains(f.code())).orElse(false);
    if (formulaFactor && in.feeding() == Feeding.BREAST) {
      contradictions.add(new Problem("voeding", "Tegenstrijdig: minderfactor kunstvoeding bij voeding borstvoeding."));
    }
    nonNegative(in.hospitalDays(), "ziekenhuisdagen", contradictions);
    nonNegative(in.lyingInDays(), "ligdagenGeboortecentrum", contradictions);
    if (in.clientWishHours() != null && in.clientWishHours() < 0) {
      contradictions.add(new Problem("gewensteUren", "gewensteUren kan niet negatief zijn."));
    }
    double floor = rules.floor().hours();
    double ceiling = rules.ceiling().hours();
    if (in.overrideHours() != null && (in.overrideHours() < floor || in.overrideHours() > ceiling)) {
      contradictions.add(new Problem("uren", String.format(Locale.ROOT,
          "%s uur valt buiten de grenzen van het LIP: minimaal %s uur (minimumpakket) en maximaal %s uur (kraamzorg op maat).",
          fmt(in.overrideHours()), fmt(floor), fmt(ceiling))));
    }
    if (in.digitalInstructionHours() != null && in.digitalInstructionHours() < 0) {
      contradictions.add(new Problem("digitaleInstructieUren", "digitaleInstructieUren kan niet negatief zijn."));
    }
    if (in.digitalInstructionObjected() && in.digitalInstructionHours() != null && in.digitalInstructionHours() > 0) {
      contradictions.add(new Problem("digitaleInstructieUren",
          "Tegenstrijdig: de cliënt heeft bezwaar gemaakt tegen digitale instructie, maar er worden digitale uren opgegeven."));
    }
    if (!contradictions.isEmpty()) {
      throw new RuleInputException(422, contradictions);
    }
  }

  private static void nonNegative(Integer value, String parameter, List<Problem> problems) {
    if (value != null && value < 0) {
      problems.add(new Problem(parameter, parameter + " kan niet negatief zijn."));
    }
  }

  public static String fmt(double hours) {
    return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours).replace('.', ',');
  }

  /** The state of one calculation, in the order the protocol applies its rules. */
  private static final class Run {
    private final LipRules rules;
    private final IndicationRequest in;
    private final List<Component> components = new ArrayList<>();
    private final List<Fired> fired = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> appliedFewer = new ArrayList<>();
    private String packageCode = BASIS;
    private int careDays;
    private boolean minimumOnly;

    Run(LipRules rules, IndicationRequest in) {
      this.rules = rules;
      this.in = in;
    }

    double total() {
      return components.stream().mapToDouble(Component::hours).sum();
    }

    void basis() {
      boolean first = in.firstChild();
      for (LipRules.BasisComponent c : rules.basis().components()) {
        double hours = c.hours(first, in.feeding());
        if (hours != 0) {
          components.add(new Component(c.code(), c.label(), hours));
        }
      }
      careDays = rules.basis().careDays();
      fired.add(new Fired("basispakket", String.format(Locale.ROOT,
          "Basispakket: %s, %s: %s uur over de eerste %d dagen na de geboorte.",
          first ? "eerste kind" : "volgend kind",
          in.feeding() == Feeding.BREAST ? "borstvoeding" : "kunstvoeding", fmt(total()), careDays)));
      if (in.feeding() == Feeding.FORMULA) {
        rules.fewerFactorWithEffect("formula").ifPresent(f -> {
          appliedFewer.add(f.code());
          fired.add(new Fired(f.code(), "Minderfactor " + f.label().toLowerCase(Locale.ROOT)
              + ": het basispakket bij kunstvoeding telt minder uren voedingsondersteuning."));
        });
      }
    }

    void moreFactors() {
      if (in.moreFactors().isEmpty()) {
        return;
      }
      packageCode = OP_MAAT;
      careDays = Math.min(rules.opMaat().careDaysWithMoreFactors(), rules.ceiling().careDays());
      for (LipRules.MoreFactor f : rules.moreFactors()) {
        if (in.moreFactors().contains(f.code())) {
          components.add(new Component("meer-" + f.code(), "Meeruren: " + f.label(), f.extraHours()));
          fired.add(new Fired("meerfactor-" + f.code(), String.format(Locale.ROOT,
              "Meerfactor %s: +%s uur%s.", f.label().toLowerCase(Locale.ROOT), fmt(f.extraHours()),
              f.assumption() ? " (instelbare aanname, niet uit het LIP)" : "")));
        }
      }
      warnings.add(String.format(Locale.ROOT,
          "Kraamzorg op maat voorgesteld (%s uur over maximaal %d dagen): de verloskundige bevestigt het aantal uren binnen %s–%s uur.",
          fmt(total()), careDays, fmt(rules.opMaat().minHours()), fmt(rules.opMaat().maxHours())));
    }

    void fewerFactors() {
      for (String code : in.fewerFactors()) {
        LipRules.FewerFactor f = rules.fewerFactor(code).orElseThrow();
        switch (f.effect()) {
          case "deduct" -> deduct("minder-" + f.code(), "Aftrek: " + f.label(), f.hours(),
              "Minderfactor " + f.label().toLowerCase(Locale.ROOT) + ": -" + fmt(f.hours()) + " uur"
                  + (f.assumption() ? " (instelbare aanname)." : "."), f.code());
          case "minimum" -> {
            minimumOnly = true;
            appliedFewer.add(f.code());
            fired.add(new Fired(f.code(), "Minderfactor " + f.label().toLowerCase(Locale.ROOT)
                + ": minimumpakket van " + fmt(rules.minimum().hours()) + " uur."));
          }
          default -> { }
        }
      }
      hospitalDays();
      lyingInDays();
      clientWish();
    }

    private void hospitalDays() {
      int days = in.hospitalDays() == null ? 0 : in.hospitalDays();
      if (days == 0) {
        return;
      }
      LipRules.HospitalDays h = rules.hospitalDays();
      int deductible = h.deductibleDays(days);
      double perDay = h.perDay(in.feeding());
      String factor = rules.fewerFactorWithEffect("hospital-days").map(LipRules.FewerFactor::code).orElse("ziekenhuisopname");
      deduct("aftrek-ziekenhuisdagen", "Aftrek ziekenhuisopname", deductible * perDay, String.format(Locale.ROOT,
          "Ziekenhuisopname %d dag(en); %s; %d dag(en) x %s uur (%s) = -%s uur.", days,
          h.dischargeDayCounts() ? "de ontslagdag telt mee" : "de ontslagdag telt niet mee",
          deductible, fmt(perDay), in.feeding() == Feeding.BREAST ? "borstvoeding" : "kunstvoeding",
          fmt(deductible * perDay)), factor);
    }

    private void lyingInDays() {
      int days = in.lyingInDays() == null ? 0 : in.lyingInDays();
      if (days == 0) {
        return;
      }
      LipRules.BirthCentre bc = rules.birthCentre();
      if (days > bc.maxPaidLyingInDays()) {
        warnings.add(String.format(Locale.ROOT,
            "%d ligdagen in het geboortecentrum: de verzekeraar vergoedt er maximaal %d; de overige %d zijn niet verzekerd.",
            days, bc.maxPaidLyingInDays(), days - bc.maxPaidLyingInDays()));
      }
      if (bc.lyingInDayDeductsLikeHospitalDay()) {
        LipRules.HospitalDays h = rules.hospitalDays();
        int deductible = h.deductibleDays(days);
        double perDay = h.perDay(in.feeding());
        deduct("aftrek-ligdagen", "Ligdagen geboortecentrum", deductible * perDay, String.format(Locale.ROOT,
            "%d ligdag(en) in het geboortecentrum: %d dag(en) x %s uur = -%s uur; de overige uren worden thuis geleverd.",
            days, deductible, fmt(perDay), fmt(deductible * perDay)), null);
      }
    }

    private void clientWish() {
      if (in.clientWishHours() == null) {
        return;
      }
      double wish = in.clientWishHours();
      if (wish >= total()) {
        warnings.add("De gewenste " + fmt(wish) + " uur zijn niet minder dan de " + fmt(total())
            + " uur van het voorstel; de wens verandert niets. Meer uren vragen gaat via meerfactoren.");
        return;
      }
      deduct("minder-wens-client", "Cliënt wil minder zorg", total() - wish,
          "De cliënt wil zelf minder zorg: " + fmt(wish) + " uur in plaats van " + fmt(total()) + " uur.", "wil-minder-zorg");
    }

    private void deduct(String code, String label, double hours, String explanation, String factorCode) {
      if (hours <= 0) {
        return;
      }
      components.add(new Component(code, label, -hours));
      fired.add(new Fired(code, explanation));
      if (factorCode != null && !appliedFewer.contains(factorCode)) {
        appliedFewer.add(factorCode);
      }
      packageCode = OP_MAAT;
    }

    void bounds() {
      if (minimumOnly && in.moreFactors().isEmpty()) {
        useMinimumPackage(null);
        return;
      }
      if (minimumOnly) {
        warnings.add("Minimumpakket volgt uit een minderfactor, maar er gelden ook meerfactoren: de verloskundige beslist.");
      }
      double floor = rules.floor().hours();
      double ceiling = rules.ceiling().hours();
      if (total() < floor) {
        useMinimumPackage(String.format(Locale.ROOT,
            "Ondergrens: na aftrek bleef %s uur over; iedere kraamvrouw krijgt minimaal %s uur over %d dagen (minimumpakket).",
            fmt(total()), fmt(floor), rules.floor().careDays()));
      } else if (total() > ceiling) {
        double excess = total() - ceiling;
        components.add(new Component("correctie-bovengrens", "Correctie bovengrens", -excess));
        fired.add(new Fired("bovengrens", String.format(Locale.ROOT,
            "Bovengrens: %s uur teruggebracht tot het maximum van %s uur kraamzorg op maat.", fmt(total() + excess), fmt(ceiling))));
      }
    }

    private void useMinimumPackage(String explanation) {
      packageCode = MINIMUM;
      components.clear();
      rules.minimum().components().forEach(c -> components.add(new Component(c.code(), c.label(), c.hours())));
      careDays = rules.minimum().careDays();
      if (explanation != null) {
        fired.add(new Fired("ondergrens", explanation));
      }
    }

    void override() {
      if (in.overrideHours() == null) {
        return;
      }
      double proposed = total();
      double delta = in.overrideHours() - proposed;
      if (delta != 0) {
        components.add(new Component("afwijking-professional", "Afwijking door de professional", delta));
        packageCode = OP_MAAT;
        if (in.overrideHours() > rules.basis().components().stream()
            .mapToDouble(c -> c.hours(in.firstChild(), in.feeding())).sum()) {
          careDays = Math.max(careDays, Math.min(rules.opMaat().maxCareDays(), rules.ceiling().careDays()));
        }
      }
      fired.add(new Fired("afwijking", String.format(Locale.ROOT,
          "De professional stelt %s uur vast in plaats van het voorstel van %s uur. Reden: %s",
          fmt(in.overrideHours()), fmt(proposed), in.overrideReason())));
    }

    IndicationResult result() {
      double total = total();
      String label = switch (packageCode) {
        case MINIMUM -> rules.minimum().label();
        case OP_MAAT -> rules.opMaat().label();
        default -> rules.basis().label();
      };
      return new IndicationResult(packageCode, label, total, careDays, List.copyOf(components),
          Schedule.spread(total, careDays, packageCode.equals(MINIMUM) ? rules.minimum().hoursPerDay() : null),
          List.copyOf(fired), List.copyOf(warnings), intakeType(), digital(total), rules.canonical(),
          in.moreFactors().stream().sorted().toList(), List.copyOf(appliedFewer), in.overrideReason());
    }

    private String intakeType() {
      LipRules.Intake intake = rules.intake();
      if (in.firstChild()) {
        return intake.firstChild();
      }
      return in.homeIntakeIndicated() ? intake.laterChildOnIndication() : intake.laterChild();
    }

    private Digital digital(double total) {
      if (in.digitalInstructionObjected()) {
        return new Digital(false, 0, total,
            "De cliënt heeft schriftelijk bezwaar gemaakt: digitale instructie wordt niet geactiveerd.");
      }
      double replaced = in.digitalInstructionHours() == null ? 0 : Math.min(in.digitalInstructionHours(), total);
      return new Digital(true, replaced, total - replaced, String.format(Locale.ROOT,
          "Digitale instructie is actief: zij vervangt %s fysieke uren en verhoogt het totaal van %s uur nooit.",
          fmt(replaced), fmt(total)));
    }
  }
}
