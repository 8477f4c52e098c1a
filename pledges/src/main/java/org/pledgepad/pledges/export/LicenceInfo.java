package org.pledgepad.pledges.export;

import java.util.Objects;

/**
 * The licence every export carries, so re-users know the terms without asking.
 *
 * @param name        licence name as it should be cited
 * @param url         licence text
 * @param attribution the attribution line re-users must give ("" when none is required beyond the name)
 */
public record LicenceInfo(String name, String url, String attribution) {
    public static final String DEFAULT_NAME = "Datenlizenz Deutschland – Namensnennung – 2.0";
    public static final String DEFAULT_URL = "https://www.govdata.de/dl-de/by-2-0";
    public static final String CC_BY_40_NAME = "Creative Commons Namensnennung 4.0 International (CC BY 4.0)";
    public static final String CC_BY_40_URL = "https://creativecommons.org/licenses/by/4.0/";

    public LicenceInfo {
        Objects.requireNonNull(name, "name");
        url = url == null ? "" : url;
        attribution = attribution == null ? "" : attribution;
    }

    /** Datenlizenz Deutschland – Namensnennung – 2.0 with the given attribution. */
    public static LicenceInfo dlDeBy20(String attribution) {
        return new LicenceInfo(DEFAULT_NAME, DEFAULT_URL, attribution);
    }

    /** Creative Commons Attribution 4.0 International with the given attribution. */
    public static LicenceInfo ccBy40(String attribution) {
        return new LicenceInfo(CC_BY_40_NAME, CC_BY_40_URL, attribution);
    }
}
