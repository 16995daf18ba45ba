import { TextField } from "@/components/ui/field";
import { SLUG_MAX_LENGTH } from "@/lib/validation/taxonomy";

interface Props {
  /** What is being named, for the hints: "section", "tag", "author page". */
  noun: string;
  /** The public address, e.g. "/sections/<slug>". */
  address: string;
  current?: { name: string; slug: string };
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
}

/** The name and slug fields that sections, tags and bylines share, with the same hints about addresses. */
export function TaxonomyNameSlugFields({ noun, address, current, errors, values }: Props) {
  return (
    <>
      <TextField name="name" label="Name" required maxLength={60} errors={errors?.name} defaultValue={values?.name ?? current?.name ?? ""} />
      <TextField
        name="slug"
        label="Slug"
        maxLength={SLUG_MAX_LENGTH}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        errors={errors?.slug}
        defaultValue={values?.slug ?? current?.slug ?? ""}
        hint={
          current
            ? `The ${noun}’s address is ${address}. Changing it changes the address: links to the old one stop working.`
            : `Lower-case letters, digits and hyphens; the ${noun}’s address is ${address}. Leave blank to make one from the name.`
        }
      />
    </>
  );
}
