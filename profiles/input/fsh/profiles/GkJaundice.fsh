Profile: GkJaundice
Parent: Observation
Id: gk-jaundice
Title: "GK Jaundice signs (geelzien)"
Description: """
Whether the kraamverzorgende saw signs of neonatal jaundice on a care day (true/false).
A signal in the handover to JGZ. Follows: kraamzorg observing–signalling–reporting (LIP component).
Not derived from nl-core: no zib holds the kraamzorg's jaundice signal (a yes/no observation).
"""
* code = $gkObservationCode#jaundice
* insert ChildObservation
* value[x] 1..1 MS
* value[x] only boolean
