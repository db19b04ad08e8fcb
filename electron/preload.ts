import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import { channelNames, MENU_COMMANDS, type MenuCommand, type TandaiApi } from "../shared/ipc/contract.js";

/**
 * Exposes one method per contract channel, each bound to its own IPC channel: the page can call
 * exactly these and nothing else (no generic invoke/send pass-through).
 */
const api = Object.fromEntries(
  channelNames.map((name) => [name, (args: unknown) => ipcRenderer.invoke(`tandai:${name}`, args)]),
) as unknown as { [K in keyof TandaiApi]: (args: Parameters<TandaiApi[K]>[0]) => Promise<unknown> };

contextBridge.exposeInMainWorld("tandai", {
  api,
  onMenuCommand(listener: (command: MenuCommand) => void): void {
    ipcRenderer.on("tandai:menu", (_event: IpcRendererEvent, command: unknown) => {
      if (MENU_COMMANDS.includes(command as MenuCommand)) listener(command as MenuCommand);
    });
  },
});
