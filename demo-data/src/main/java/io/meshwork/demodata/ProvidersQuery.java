package io.meshwork.demodata;

/**
 * The providers source: every provider of the {@link ProviderDirectory}, named in its canton's language, with a
 * 13-digit GLN (prefix 7601, GS1 check digit, unique) for all but about 2%.
 */
final class ProvidersQuery {

  private ProvidersQuery() {
  }

  static String sql(SeedOptions options) {
    return GeneratorSql.render("WITH " + Cantons.ctes() + ",\n" + ProviderDirectory.ctes() + ",\n" + """
        providers AS (
          SELECT
            d.provider_type,
            d.canton,
            d.canton_order,
            d.language,
            d.town,
            d.first_provider_number + u.provider_index AS provider_number,
            u.provider_index
          FROM provider_directory d,
               unnest(range(0, d.provider_count)) AS u(provider_index)
        ),
        named AS (
          SELECT
            p.*,
            -- hospitals draw their name by canton and index, so the inpatient and outpatient rows share it
            CASE p.language
              WHEN 'de' THEN ['Müller', 'Meier', 'Schmid', 'Keller', 'Weber', 'Huber', 'Schneider', 'Meyer',
                'Steiner', 'Fischer', 'Gerber', 'Brunner', 'Baumann', 'Frei', 'Zimmermann', 'Moser', 'Widmer',
                'Wyss', 'Graf', 'Roth', 'Suter', 'Baumgartner', 'Bachmann', 'Studer', 'Kunz', 'Hofmann']
              WHEN 'fr' THEN ['Favre', 'Rochat', 'Morel', 'Bonvin', 'Perrin', 'Dubois', 'Girard', 'Rey', 'Mercier',
                'Fontaine', 'Monnier', 'Jaquet', 'Chevalley', 'Pittet', 'Python', 'Cuénod']
              ELSE ['Bernasconi', 'Rossi', 'Ferrari', 'Bianchi', 'Lombardi', 'Fontana', 'Galli', 'Colombo',
                'Crivelli', 'Pedrazzini', 'Cattaneo', 'Guidotti']
            END AS surnames,
            CASE WHEN p.provider_type LIKE 'hospital%'
              THEN uniform(p.canton_order, p.provider_index, 41)
              ELSE uniform(p.provider_number, 41)
            END AS surname_draw,
            '7601' || lpad(CAST((p.provider_number * 7919 + hash(CAST({seed} AS BIGINT)) % 100000000) % 100000000
              AS VARCHAR), 8, '0') AS gln_body
          FROM providers p
        ),
        described AS (
          SELECT
            n.*,
            n.surnames[1 + CAST(floor(n.surname_draw * len(n.surnames)) AS INTEGER)] AS surname
          FROM named n
        ),
        hospitals_named AS (
          SELECT
            d.*,
            CASE
              WHEN d.provider_index = 0 THEN CASE d.language
                WHEN 'de' THEN 'Spital ' WHEN 'fr' THEN 'Hôpital de ' ELSE 'Ospedale di ' END || d.town
              ELSE CASE d.language
                WHEN 'de' THEN 'Klinik ' WHEN 'fr' THEN 'Clinique ' ELSE 'Clinica ' END || d.surname || ', ' || d.town
            END AS hospital_name
          FROM described d
        )
        SELECT
          CAST({provider_id} AS VARCHAR) AS provider_id,
          CAST(CASE WHEN uniform(provider_number, 42) < 0.02 THEN NULL ELSE gln_body || CAST((10 - list_sum(
            list_transform(range(1, 13), lambda position: CAST(substr(gln_body, position, 1) AS INTEGER)
              * CASE WHEN position % 2 = 1 THEN 1 ELSE 3 END)) % 10) % 10 AS VARCHAR) END AS VARCHAR) AS gln,
          CAST(CASE provider_type
            WHEN 'hospital_inpatient' THEN hospital_name
            WHEN 'hospital_outpatient' THEN hospital_name || CASE language
              WHEN 'de' THEN ' (Ambulatorium)' WHEN 'fr' THEN ' (Policlinique)' ELSE ' (Ambulatorio)' END
            WHEN 'physician' THEN CASE language
              WHEN 'de' THEN 'Praxis Dr. med. ' WHEN 'fr' THEN 'Cabinet médical Dr ' ELSE 'Studio medico Dr. med. '
              END || surname || ', ' || town
            WHEN 'pharmacy' THEN CASE language
              WHEN 'de' THEN 'Apotheke ' WHEN 'fr' THEN 'Pharmacie ' ELSE 'Farmacia ' END || surname || ', ' || town
            WHEN 'laboratory' THEN CASE language
              WHEN 'de' THEN 'Labor ' || surname || ' AG' WHEN 'fr' THEN 'Laboratoire ' || surname || ' SA'
              ELSE 'Laboratorio ' || surname || ' SA' END || ', ' || town
            ELSE CASE language
              WHEN 'de' THEN 'Physiotherapie ' WHEN 'fr' THEN 'Physiothérapie ' ELSE 'Fisioterapia ' END
              || surname || ', ' || town
          END AS VARCHAR) AS name,
          CAST(provider_type AS VARCHAR) AS provider_type,
          CAST(canton AS VARCHAR) AS canton
        FROM hospitals_named""".replace("{provider_id}", ProviderDirectory.providerId("provider_number")), options);
  }
}
