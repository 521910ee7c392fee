package io.meshwork.model.annotation;

import io.meshwork.model.definition.Location;
import java.util.List;
import java.util.Objects;

/** What a tenant notes about one product it receives: notes, its own tags, who owns it internally, links. */
public record ProductAnnotation(String product, String notes, List<String> tags, String internalOwner,
    List<Link> links, Location location) {

  public ProductAnnotation {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(notes, "notes");
    tags = List.copyOf(tags);
    Objects.requireNonNull(internalOwner, "internalOwner");
    links = List.copyOf(links);
    Objects.requireNonNull(location, "location");
  }

  /** A link to a page of the tenant's own (wiki, dashboard, ticket), with the text to show. */
  public record Link(String title, String url) {
    public Link {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(url, "url");
    }
  }
}
