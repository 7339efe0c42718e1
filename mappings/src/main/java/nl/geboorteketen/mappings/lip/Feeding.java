package nl.geboorteketen.mappings.lip;

/** How the child is fed, as far as the LIP cares: it sets the basis hours and the deductions. */
public enum Feeding {
  BREAST,
  FORMULA
}
