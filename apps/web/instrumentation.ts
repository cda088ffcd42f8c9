export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./server/check-env");
  await import("./server/shutdown");
}
