/** A page mounted into <main>: gives its window title and cleans up when the route changes. */
export interface View {
  title(): string;
  dispose(): void;
  /** The signed-in person changed; true when the view adapted itself (otherwise it is drawn again). */
  onIdentityChange?(): boolean;
}
