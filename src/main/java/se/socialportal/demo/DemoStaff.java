package se.socialportal.demo;

import java.util.List;

/**
 * The staff a demo installation offers on its local login page: one person per role in the demo municipality, and
 * one handläggare in a neighbouring municipality to show that tenants never see each other's cases.
 * Names are clearly fictitious.
 */
public final class DemoStaff {

  public record Member(String subject, String givenName, String familyName, String tenant, List<String> roles) {
    public String name() {
      return givenName + " " + familyName;
    }

    public String email() {
      return subject + "@" + tenant + ".example";
    }
  }

  public static final List<Member> MEMBERS = List.of(
    new Member("anna.handlaggare", "Anna", "Handläggarsson", DemoData.DEMO_TENANT, List.of("handlaggare")),
    new Member("sam.socialsekreterare", "Sam", "Sekreterarsson", DemoData.DEMO_TENANT, List.of("socialsekreterare")),
    new Member("greta.gruppledare", "Greta", "Gruppledarsson", DemoData.DEMO_TENANT, List.of("gruppledare")),
    new Member("erik.enhetschef", "Erik", "Enhetschefsson", DemoData.DEMO_TENANT, List.of("enhetschef")),
    new Member("frida.familjeratt", "Frida", "Familjerättsson", DemoData.DEMO_TENANT, List.of("familjerattssekreterare")),
    new Member("alva.attestant", "Alva", "Attestantsson", DemoData.DEMO_TENANT, List.of("attestant")),
    new Member("ulf.utskott", "Ulf", "Utskottsson", DemoData.DEMO_TENANT, List.of("utskott")),
    new Member("ada.admin", "Ada", "Administratörsson", DemoData.DEMO_TENANT, List.of("admin")),
    new Member("nils.granne", "Nils", "Grannsson", DemoData.NEIGHBOUR_TENANT, List.of("handlaggare")));

  private DemoStaff() {
  }
}
