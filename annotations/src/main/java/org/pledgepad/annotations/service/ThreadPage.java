package org.pledgepad.annotations.service;

import java.util.List;
import java.util.Map;

/**
 * One page of a document's threads as the viewer may see them; {@code next} is the cursor of the
 * following page, null on the last. A page may hold fewer threads than asked for (threads the
 * viewer may not see are left out after the store's page was read), even none, and still have a
 * {@code next}.
 */
public record ThreadPage(List<Map<String, Object>> threads, String next) {}
