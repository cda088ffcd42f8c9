// The app's name and mark; a plain component that server and client pages share.
import Link from "next/link";
import styles from "./brand.module.css";
import { CheckIcon } from "./icons";

export function Brand({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className={styles.brand}>
      <span className={styles.mark}>
        <CheckIcon strokeWidth={3} />
      </span>
      Todo
    </Link>
  );
}
