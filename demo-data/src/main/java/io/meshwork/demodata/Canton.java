package io.meshwork.demodata;

/**
 * One of the 26 cantons, with what the generator needs to place people, providers and premiums in it.
 *
 * @param code two-letter code, as in the cantons source
 * @param name name in the canton's official language(s)
 * @param region Swiss grand region (NUTS 2)
 * @param premiumRegions premium regions under the FDHA ordinance (SR 832.106)
 * @param populationThousands permanent resident population in thousands (end of 2023, rounded)
 * @param premiumChf approximate 2024 monthly adult premium in CHF, standard model, deductible 300, with accident cover
 * @param postalLow lowest postal code generated for the canton
 * @param postalHigh highest postal code generated for the canton (a range within the canton's, not all of it)
 * @param language main official language, {@code de}, {@code fr} or {@code it}, for provider names
 * @param town capital, for provider names
 */
record Canton(String code, String name, String region, int premiumRegions, int populationThousands, int premiumChf,
    int postalLow, int postalHigh, String language, String town) {
}
