import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";

export interface PopoverProps {
  /** Viewport coordinates of the popover's top-left corner (it is kept inside the window). */
  x: number;
  y: number;
  role: "menu" | "dialog";
  label: string;
  className?: string;
  testId?: string;
  onClose(): void;
  children: ReactNode;
}

/** A floating panel that closes on Escape and on a press outside it, and takes focus when it opens. */
export function Popover({ x, y, role, label, className, testId, onClose, children }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: x, top: y });
  const close = useRef(onClose);
  close.current = onClose;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    const margin = 8;
    setPosition({
      left: Math.max(margin, Math.min(x, window.innerWidth - rect.width - margin)),
      top: Math.max(margin, Math.min(y, window.innerHeight - rect.height - margin)),
    });
    el.querySelector<HTMLElement>("button, input, select, textarea, [tabindex]")?.focus();
  }, [x, y]);

  useEffect(() => {
    const onPointer = (e: Event) => {
      if (ref.current && !ref.current.contains(e.target as Node)) close.current();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close.current();
    };
    const shut = () => close.current();
    document.addEventListener("mousedown", onPointer, true);
    document.addEventListener("contextmenu", onPointer, true);
    document.addEventListener("keydown", onKey);
    window.addEventListener("resize", shut);
    return () => {
      document.removeEventListener("mousedown", onPointer, true);
      document.removeEventListener("contextmenu", onPointer, true);
      document.removeEventListener("keydown", onKey);
      window.removeEventListener("resize", shut);
    };
  }, []);

  return (
    <div
      ref={ref}
      role={role}
      aria-label={label}
      className={`popover codebook-popover ${className ?? ""}`}
      style={{ left: position.left, top: position.top }}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          // Handled here so that an Escape meant for the popover reaches nothing else.
          e.stopPropagation();
          e.nativeEvent.stopImmediatePropagation();
          onClose();
        }
      }}
    >
      {children}
    </div>
  );
}
